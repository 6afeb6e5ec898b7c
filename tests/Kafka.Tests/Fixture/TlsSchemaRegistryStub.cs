using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace StreamSql.Kafka.Tests.Fixture;

/// <summary>
/// A registry behind TLS with a self-signed certificate for 127.0.0.1, answering every request with <c>{"id": 1}</c>
/// (enough for a sink to register its schema): it shows that the client trusts the certificates of
/// <c>avro-confluent.ssl.truststore.location</c> and no others. HttpListener has no TLS on Linux, hence a small server
/// of its own on a TcpListener.
/// </summary>
public sealed class TlsSchemaRegistryStub : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2 _certificate;
    private readonly Task _serving;

    public TlsSchemaRegistryStub(string certificatePemPath)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=registry.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // The server needs the key in an exportable form (SslStream on Linux loads it from PKCS#12).
        _certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
        File.WriteAllText(certificatePemPath, created.ExportCertificatePem());
        _listener.Start();
        Url = $"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>Requests answered after a completed TLS handshake.</summary>
    public int Answered => Volatile.Read(ref _answered);

    private int _answered;

    private async Task ServeAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await using var tls = new SslStream(client.GetStream());
                await tls.AuthenticateAsServerAsync(_certificate);
                var request = new StringBuilder();
                var buffer = new byte[4096];
                while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    int n = await tls.ReadAsync(buffer);
                    if (n == 0) return;
                    request.Append(Encoding.ASCII.GetString(buffer, 0, n));
                }
                // The body (a schema) is not needed: the answer is the same whatever it says.
                const string Body = "{\"id\":1}";
                var response = $"HTTP/1.1 200 OK\r\nContent-Type: application/vnd.schemaregistry.v1+json\r\nContent-Length: {Body.Length}\r\nConnection: close\r\n\r\n{Body}";
                await tls.WriteAsync(Encoding.ASCII.GetBytes(response));
                Interlocked.Increment(ref _answered);
            }
            catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException or ObjectDisposedException)
            {
                // a client that does not trust the certificate hangs up during the handshake
            }
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // stopping the listener ends the loop
        }
        _certificate.Dispose();
    }
}
