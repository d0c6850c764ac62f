package dev.granary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiInfoTest {

    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJBbGxvdyI6WyJyZWFkIl19.c2lnbmF0dXJl";

    @Test
    void splitsAtTheFirstColonBecauseTheUrlHasColons() {
        ApiInfo info = ApiInfo.parse(TOKEN + ":http://127.0.0.1:8080");
        assertEquals(TOKEN, info.token());
        assertEquals(URI.create("http://127.0.0.1:8080/api/v1/tokens"), info.resolve("/v1/tokens"));
    }

    @Test
    void acceptsTheUrlWithOrWithoutTheApiPathAndScheme() {
        for (String url : new String[] {"http://127.0.0.1:8080", "http://127.0.0.1:8080/", "http://127.0.0.1:8080/api",
            "http://127.0.0.1:8080/api/", "http://127.0.0.1:8080/api/v1", "http://127.0.0.1:8080/api/v1/",
            "127.0.0.1:8080", " http://127.0.0.1:8080 "}) {
            assertEquals(URI.create("http://127.0.0.1:8080"), ApiInfo.parse(TOKEN + ":" + url).base(), url);
        }
    }

    @Test
    void keepsAReverseProxyPrefixAndHttps() {
        assertEquals(URI.create("https://node.example:443/granary/api/v1/users"),
            ApiInfo.parse(TOKEN + ":https://node.example:443/granary/api/v1").resolve("/v1/users"));
    }

    @Test
    void acceptsLotusMultiaddrs() {
        assertEquals(URI.create("http://127.0.0.1:1234"), ApiInfo.parse(TOKEN + ":/ip4/127.0.0.1/tcp/1234/http").base());
        assertEquals(URI.create("http://127.0.0.1:1234"), ApiInfo.parse(TOKEN + ":/ip4/127.0.0.1/tcp/1234").base());
        assertEquals(URI.create("http://[::1]:8080"), ApiInfo.parse(TOKEN + ":/ip6/::1/tcp/8080/http").base());
        assertEquals(URI.create("https://node.example:8443"),
            ApiInfo.parse(TOKEN + ":/dns/node.example/tcp/8443/https").base());
    }

    @Test
    void missingVariableSaysHowToSetIt() {
        CliFailure e = assertThrows(CliFailure.class, () -> ApiInfo.fromEnvironment(Map.<String, String>of()::get));
        assertTrue(e.getMessage().startsWith("GRANARY_API_INFO is not set: set GRANARY_API_INFO=<token>:<url>"),
            e.getMessage());
        assertTrue(e.getMessage().contains("curl -X POST http://127.0.0.1:8080/api/v1/session"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
        assertThrows(CliFailure.class, () -> ApiInfo.parse("   "));
    }

    @Test
    void malformedValuesAreRefusedWithoutRepeatingTheToken() {
        String[][] cases = {
            {"http://127.0.0.1:8080", "has no token before the URL"},
            {TOKEN, "has no ':<url>' after the token"},
            {TOKEN + ":", "has no URL after the token"},
            {"not-a-jwt:http://127.0.0.1:8080", "is not a JWT"},
            {TOKEN + ":ftp://127.0.0.1:8080", "must be http://host:port or https://host:port"},
            {TOKEN + ":http://127.0.0.1:8080/?x=1", "must not have a query"},
            {TOKEN + ":http://user:pw@127.0.0.1:8080", "must not contain a user name or password"},
            {TOKEN + ":/ip4/127.0.0.1/udp/1234", "neither an http(s) URL nor a multiaddr"},
            {TOKEN + ":/ip4/127.0.0.1/tcp/99999/http", "port in GRANARY_API_INFO must be 1-65535"},
        };
        for (String[] c : cases) {
            CliFailure e = assertThrows(CliFailure.class, () -> ApiInfo.parse(c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
            assertFalse(e.getMessage().contains(TOKEN), "the token leaked: " + e.getMessage());
        }
    }

    @Test
    void toStringNeverShowsTheToken() {
        assertEquals("ApiInfo[http://127.0.0.1:8080]", ApiInfo.parse(TOKEN + ":http://127.0.0.1:8080").toString());
    }
}
