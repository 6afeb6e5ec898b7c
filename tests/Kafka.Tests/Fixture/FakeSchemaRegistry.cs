using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace StreamSql.Kafka.Tests.Fixture;

/// <summary>
/// An in-process stand-in for Confluent Schema Registry's REST API on a free loopback port: <c>GET /schemas/ids/{id}</c>
/// and <c>POST /subjects/{subject}/versions</c>, with the registry's answers (an equal schema keeps its id; 404 with
/// error code 40403 for an unknown id; 409 for an incompatible schema). The code under test talks to <see cref="Url"/>
/// as to a real registry.
/// </summary>
public sealed class FakeSchemaRegistry : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _serving;
    private readonly object _lock = new();
    private readonly List<string> _schemas = new();
    private readonly Dictionary<string, List<int>> _subjects = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _fetches = new();
    private readonly List<string> _authorizations = new();

    public FakeSchemaRegistry()
    {
        for (int attempt = 0; ; attempt++)
        {
            int port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                continue; // the port was taken between finding it and listening on it
            }
            _listener = listener;
            Url = $"http://127.0.0.1:{port}";
            break;
        }
        _serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>When set, registering under a subject that has a schema already is refused as incompatible (409).</summary>
    public bool RefuseNewVersions { get; set; }

    /// <summary>When set, every request must carry this Authorization header (else 401).</summary>
    public string? RequiredAuthorization { get; set; }

    /// <summary>Registers a schema as a producer with another client would; returns its id.</summary>
    public int Register(string subject, string schema)
    {
        lock (_lock) return RegisterLocked(subject, schema);
    }

    /// <summary>The schemas registered under a subject, oldest first.</summary>
    public IReadOnlyList<string> Versions(string subject)
    {
        lock (_lock) return _subjects.TryGetValue(subject, out var ids) ? ids.Select(i => _schemas[i - 1]).ToList() : new List<string>();
    }

    /// <summary>How many times the schema of an id was fetched.</summary>
    public int Fetches(int id)
    {
        lock (_lock) return _fetches.GetValueOrDefault(id);
    }

    /// <summary>The Authorization headers of the requests received.</summary>
    public IReadOnlyList<string> Authorizations
    {
        get { lock (_lock) return _authorizations.ToList(); }
    }

    private int RegisterLocked(string subject, string schema)
    {
        int index = _schemas.IndexOf(schema);
        int id = index >= 0 ? index + 1 : AddSchema(schema);
        var versions = _subjects.TryGetValue(subject, out var v) ? v : _subjects[subject] = new List<int>();
        if (!versions.Contains(id)) versions.Add(id);
        return id;
    }

    private int AddSchema(string schema)
    {
        _schemas.Add(schema);
        return _schemas.Count;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            try
            {
                var (status, body) = Answer(context.Request);
                var bytes = Encoding.UTF8.GetBytes(body);
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/vnd.schemaregistry.v1+json";
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
            {
                // the client went away
            }
        }
    }

    private (int Status, string Body) Answer(HttpListenerRequest request)
    {
        var path = request.Url!.AbsolutePath.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        string text;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8)) text = reader.ReadToEnd();
        lock (_lock)
        {
            _authorizations.Add(request.Headers["Authorization"] ?? "");
            if (RequiredAuthorization is not null && request.Headers["Authorization"] != RequiredAuthorization)
                return (401, Error(40101, "Unauthorized"));
            if (request.HttpMethod == "GET" && path is ["schemas", "ids", var idText] && int.TryParse(idText, out int id))
            {
                _fetches[id] = _fetches.GetValueOrDefault(id) + 1;
                if (id < 1 || id > _schemas.Count) return (404, Error(40403, $"Schema {id} not found"));
                return (200, JsonSerializer.Serialize(new Dictionary<string, string> { ["schema"] = _schemas[id - 1] }));
            }
            if (request.HttpMethod == "POST" && path is ["subjects", var subject, "versions"])
            {
                string schema;
                try
                {
                    using var json = JsonDocument.Parse(text);
                    schema = json.RootElement.GetProperty("schema").GetString()!;
                    JsonDocument.Parse(schema).Dispose();
                }
                catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
                {
                    return (422, Error(42201, "Invalid schema"));
                }
                if (RefuseNewVersions && _subjects.TryGetValue(subject, out var existing) && existing.Count > 0 && !existing.Any(i => _schemas[i - 1] == schema))
                    return (409, Error(409, $"Schema being registered is incompatible with an earlier schema for subject \"{subject}\""));
                return (200, JsonSerializer.Serialize(new Dictionary<string, int> { ["id"] = RegisterLocked(subject, schema) }));
            }
            return (404, Error(404, "HTTP 404 Not Found"));
        }
    }

    private static string Error(int code, string message) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["error_code"] = code, ["message"] = message });

    /// <summary>A loopback port nothing listens on right now (also the address of a registry that is down).</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // stopping the listener ends the loop with an exception
        }
    }
}
