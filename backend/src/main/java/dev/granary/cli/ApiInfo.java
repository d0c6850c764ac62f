package dev.granary.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the node's API is and which token to send, from GRANARY_API_INFO=&lt;token&gt;:&lt;url&gt; (Lotus'
 * FULLNODE_API_INFO convention). The URL may be {@code http://host:port}, may end in {@code /api} or
 * {@code /api/v1}, may omit "http://", or may be a Lotus multiaddr such as
 * {@code /ip4/127.0.0.1/tcp/8080/http}.
 *
 * <p>Error messages may quote the URL but never the token.
 */
public record ApiInfo(String token, URI base) {

    public static final String ENV = "GRANARY_API_INFO";
    static final String DEFAULT_URL = "http://127.0.0.1:8080";

    private static final String HOW_TO_SET = "set " + ENV + "=<token>:<url>, e.g. " + ENV + "=eyJ...:" + DEFAULT_URL
        + "; get a token from the dashboard's API tokens view, or with: curl -X POST " + DEFAULT_URL
        + "/api/v1/session -H 'Content-Type: application/json' -d '{\"username\":\"admin\",\"password\":\"...\"}'";
    // A JWT: three base64url parts. Checked so that a mangled variable fails here, with a hint, not as a 401.
    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final Pattern MULTIADDR = Pattern.compile(
        "/(ip4|ip6|dns|dns4|dns6)/([^/]+)/tcp/(\\d{1,5})(?:/(http|https|ws|wss))?/?");

    public ApiInfo {
        if (token == null || base == null) {
            throw new IllegalArgumentException("token and base URL are required");
        }
    }

    /** Reads {@link #ENV} through {@code environment} (System::getenv in production, a map in tests). */
    public static ApiInfo fromEnvironment(Function<String, String> environment) {
        return parse(environment.apply(ENV));
    }

    public static ApiInfo parse(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidApiInfoException(ENV + " is not set: " + HOW_TO_SET);
        }
        String trimmed = value.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("/")) {
            throw new InvalidApiInfoException(ENV + " has no token before the URL: " + HOW_TO_SET);
        }
        // The first colon: tokens have none, URLs (scheme, port, IPv6) do.
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            throw new InvalidApiInfoException(ENV + " has no ':<url>' after the token: " + HOW_TO_SET);
        }
        String token = trimmed.substring(0, colon).strip();
        String url = trimmed.substring(colon + 1).strip();
        if (!JWT.matcher(token).matches()) {
            throw new InvalidApiInfoException("the token in " + ENV
                + " is not a JWT (three parts separated by dots): " + HOW_TO_SET);
        }
        if (url.isEmpty()) {
            throw new InvalidApiInfoException(ENV + " has no URL after the token: " + HOW_TO_SET);
        }
        return new ApiInfo(token, url.startsWith("/") ? fromMultiaddr(url) : fromUrl(url));
    }

    /** The full address of an API path such as {@code /v1/tokens}. */
    public URI resolve(String apiPath) {
        return URI.create(base + "/api" + apiPath);
    }

    @Override
    public String toString() {
        return "ApiInfo[" + base + "]"; // never the token
    }

    private static URI fromUrl(String given) {
        // "127.0.0.1:8080" is what people type after the colon; it can only mean plain http.
        String url = given.contains("://") ? given : "http://" + given;
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidApiInfoException("the URL in " + ENV + " is not valid (" + e.getReason() + "): " + HOW_TO_SET);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new InvalidApiInfoException("the URL in " + ENV + " must be http://host:port or https://host:port, not '"
                + url + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidApiInfoException("the URL in " + ENV + " must not have a query or fragment: '" + url + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidApiInfoException("the URL in " + ENV + " must not contain a user name or password");
        }
        String path = stripApiSuffix(uri.getRawPath() == null ? "" : uri.getRawPath());
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    /** "/api/v1/", "/api", "/" and "" all mean the node's root; a reverse-proxy prefix before them is kept. */
    private static String stripApiSuffix(String path) {
        String p = path.replaceAll("/+$", "");
        if (p.endsWith("/api/v1")) {
            p = p.substring(0, p.length() - "/api/v1".length());
        } else if (p.endsWith("/api")) {
            p = p.substring(0, p.length() - "/api".length());
        }
        return p.replaceAll("/+$", "");
    }

    private static URI fromMultiaddr(String addr) {
        Matcher m = MULTIADDR.matcher(addr);
        if (!m.matches()) {
            throw new InvalidApiInfoException("the address in " + ENV + " is neither an http(s) URL nor a multiaddr like"
                + " /ip4/127.0.0.1/tcp/8080/http: '" + addr + "'");
        }
        String host = m.group(1).equals("ip6") ? "[" + m.group(2) + "]" : m.group(2);
        int port = Integer.parseInt(m.group(3));
        if (port < 1 || port > 65535) {
            throw new InvalidApiInfoException("the port in " + ENV + " must be 1-65535, not " + port);
        }
        String transport = m.group(4) == null ? "http" : m.group(4);
        String scheme = transport.equals("https") || transport.equals("wss") ? "https" : "http";
        return URI.create(scheme + "://" + host + ":" + port);
    }

    /** GRANARY_API_INFO is missing or malformed; the message says how to set it. */
    public static final class InvalidApiInfoException extends CliFailure {
        InvalidApiInfoException(String message) {
            super(message);
        }
    }
}
