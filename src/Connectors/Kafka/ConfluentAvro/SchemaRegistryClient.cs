using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace StreamSql.Connectors.Kafka.ConfluentAvro;

/// <summary>
/// The two calls of Confluent Schema Registry's REST API the avro-confluent format makes: the schema of an id
/// (<c>GET /schemas/ids/{id}</c>, when reading) and registering a schema under a subject
/// (<c>POST /subjects/{subject}/versions</c>, when writing; the registry returns the id an equal schema already has).
/// Several URLs are tried in order when one cannot be reached. Calls are synchronous: they happen once per schema id or
/// subject, not per record.
/// </summary>
internal sealed class SchemaRegistryClient : IDisposable
{
    private const string MediaType = "application/vnd.schemaregistry.v1+json";

    private readonly HttpClient _http;
    private readonly IReadOnlyList<Uri> _urls;
    private readonly string _urlOption;

    /// <param name="settings">Where the registry is and how to log in.</param>
    public SchemaRegistryClient(SchemaRegistrySettings settings)
    {
        _urls = settings.Urls;
        _urlOption = settings.UrlOption;
        _http = new HttpClient(settings.CreateHandler(), disposeHandler: true) { Timeout = settings.Timeout };
        if (settings.Authorization is { } authorization) _http.DefaultRequestHeaders.Authorization = authorization;
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(MediaType));
    }

    /// <summary>The schema text (JSON) registered under <paramref name="id"/>.</summary>
    public string SchemaOf(int id)
    {
        var (status, body) = Send(() => new HttpRequestMessage(HttpMethod.Get, $"schemas/ids/{id}"), $"fetch the writer schema id {id}");
        if (status == HttpStatusCode.NotFound)
            throw new SchemaRegistryException($"the schema registry {Where()} has no schema with id {id}{Reason(body)}");
        if (status != HttpStatusCode.OK)
            throw new SchemaRegistryException($"the schema registry {Where()} answered HTTP {(int)status} when asked for the schema id {id}{Reason(body)}");
        using var json = Json(body, $"the schema id {id}");
        var root = json.RootElement;
        if (root.TryGetProperty("schemaType", out var type) && type.GetString() is { } t && t != "AVRO")
            throw new SchemaRegistryException($"the schema id {id} in the schema registry {Where()} is a {t} schema, not an Avro schema");
        if (!root.TryGetProperty("schema", out var schema) || schema.ValueKind != JsonValueKind.String)
            throw new SchemaRegistryException($"the schema registry {Where()} answered the request for the schema id {id} without a schema");
        return schema.GetString()!;
    }

    /// <summary>Registers <paramref name="schema"/> under <paramref name="subject"/> and returns its id.</summary>
    public int Register(string subject, string schema, string subjectOption)
    {
        var payload = JsonSerializer.Serialize(new Dictionary<string, string> { ["schema"] = schema });
        var (status, body) = Send(() => new HttpRequestMessage(HttpMethod.Post, $"subjects/{Uri.EscapeDataString(subject)}/versions")
        {
            Content = new StringContent(payload, Encoding.UTF8, MediaType),
        }, $"register the schema under the subject '{subject}' ('{subjectOption}')");
        if (status == HttpStatusCode.Conflict)
            throw new SchemaRegistryException($"the schema registry {Where()} refused the table's schema for the subject '{subject}' ('{subjectOption}'): "
                + $"it is incompatible with the subject's earlier schemas under the subject's compatibility rule{Reason(body)}. The schema: {schema}");
        if (status != HttpStatusCode.OK)
            throw new SchemaRegistryException($"the schema registry {Where()} answered HTTP {(int)status} when registering the table's schema under "
                + $"the subject '{subject}' ('{subjectOption}'){Reason(body)}");
        using var json = Json(body, $"the subject '{subject}'");
        if (!json.RootElement.TryGetProperty("id", out var id) || !id.TryGetInt32(out int value))
            throw new SchemaRegistryException($"the schema registry {Where()} registered the schema under the subject '{subject}' but answered without its id");
        return value;
    }

    private (HttpStatusCode Status, string Body) Send(Func<HttpRequestMessage> request, string what)
    {
        Exception? last = null;
        foreach (var url in _urls)
        {
            using var message = request();
            message.RequestUri = new Uri(url, message.RequestUri!);
            try
            {
                using var response = _http.Send(message);
                using var reader = new StreamReader(response.Content.ReadAsStream(), Encoding.UTF8);
                return (response.StatusCode, reader.ReadToEnd());
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                last = e;
            }
        }
        throw new SchemaRegistryException($"cannot reach the schema registry {Where()} to {what}: {last?.Message}", last);
    }

    private string Where() => $"at '{SchemaRegistrySettings.Display(_urls)}' ('{_urlOption}')";

    /// <summary>The registry's own message from an error body (<c>{"error_code": 40403, "message": "..."}</c>).</summary>
    private static string Reason(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("message", out var m) && m.GetString() is { Length: > 0 } message ? $" (registry: {message})" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private JsonDocument Json(string body, string about)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new SchemaRegistryException($"the schema registry {Where()} answered about {about} with something other than JSON ({e.Message})");
        }
    }

    public void Dispose() => _http.Dispose();
}
