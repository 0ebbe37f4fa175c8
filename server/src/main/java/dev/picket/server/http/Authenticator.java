package dev.picket.server.http;

import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Decides whether a request comes from someone allowed in: it carries the configured bearer token,
 * or arrived over TLS with a client certificate the configured CA signed (the TLS layer has checked
 * the chain by then). Tokens are compared as digests in constant time, so timing tells an attacker
 * neither the token's content nor its length.
 */
final class Authenticator {
    private static final String BEARER = "Bearer ";
    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final byte[] tokenDigest;
    private final boolean clientCertificates;

    /** @param token the bearer token, or null when only client certificates are accepted */
    Authenticator(String token, boolean clientCertificates) {
        this.tokenDigest = token == null ? null : digest(token);
        this.clientCertificates = clientCertificates;
    }

    /**
     * Who the request comes from, when allowed in: a client certificate's subject, or
     * {@value Caller#TOKEN} for the shared bearer token (which names no one in particular).
     */
    Optional<String> caller(HttpServletRequest request) {
        if (clientCertificates && request.getAttribute(CERTIFICATES) instanceof X509Certificate[] chain && chain.length > 0) {
            return Optional.of(chain[0].getSubjectX500Principal().getName());
        }
        String header = request.getHeader("Authorization");
        if (tokenDigest == null || header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(tokenDigest, digest(header.substring(BEARER.length()).trim()))
                ? Optional.of(Caller.TOKEN) : Optional.empty();
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
