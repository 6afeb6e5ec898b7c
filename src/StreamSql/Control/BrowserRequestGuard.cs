using System.Net;
using Microsoft.AspNetCore.Http;

namespace StreamSql.Control;

/// <summary>
/// Keeps web pages out of a loopback endpoint. The API has no authentication, so a page the user visits could otherwise
/// reach it: through DNS rebinding (a site's name resolving to 127.0.0.1, so the page reads the answers as its own) or by
/// posting a form. Requests on loopback must name a loopback host, and a request that says it comes from a page
/// (<c>Origin</c>) must come from the endpoint's own origin. curl, <c>streamsql</c> and other HTTP clients send neither.
/// </summary>
internal static class BrowserRequestGuard
{
    /// <summary>Why the request is refused, or null when it may proceed.</summary>
    public static string? Check(HttpRequest request, bool loopbackOnly)
    {
        if (loopbackOnly && !IsLoopbackHost(request.Host.Host))
            return $"Host '{request.Host.Host}' is not a loopback name; the control endpoint answers only requests to localhost or a loopback address.";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, request.Scheme + "://" + request.Host.Value, StringComparison.OrdinalIgnoreCase))
            return $"Cross-origin request from '{origin}' refused: the control endpoint is not for web pages.";
        return null;
    }

    private static bool IsLoopbackHost(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(literal, out var address) && IPAddress.IsLoopback(address);
    }
}
