package dev.picket.server.http;

import dev.picket.server.config.ConfigException;
import dev.picket.server.config.ServerConfig;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's TLS setup from the configured files: a PEM certificate chain with its PKCS#8 key,
 * or a PKCS#12 keystore; and, for client certificates, the CA that issues them. A client that
 * presents a certificate the CA did not sign fails the handshake; one that presents none may still
 * use a bearer token.
 */
final class TlsContext {
    private static final Pattern PEM_KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final char[] NO_PASSWORD = new char[0];

    private TlsContext() {
    }

    static SslContextFactory.Server of(ServerConfig.Tls tls) {
        SslContextFactory.Server factory = new SslContextFactory.Server();
        try {
            if (tls.keystore() != null) {
                char[] password = tls.keystorePassword() == null ? NO_PASSWORD : tls.keystorePassword().toCharArray();
                KeyStore ks = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(tls.keystore())) {
                    ks.load(in, password);
                }
                factory.setKeyStore(ks);
                factory.setKeyStorePassword(new String(password));
            } else {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                List<? extends Certificate> chain = certificates(tls.certificate());
                ks.setKeyEntry("picket", privateKey(tls.key()), NO_PASSWORD, chain.toArray(Certificate[]::new));
                factory.setKeyStore(ks);
                factory.setKeyStorePassword("");
            }
            if (tls.clientCa() != null) {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                int i = 0;
                for (Certificate ca : certificates(tls.clientCa())) trust.setCertificateEntry("ca" + i++, ca);
                factory.setTrustStore(trust);
                factory.setWantClientAuth(true);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("tls: " + e.getMessage());
        }
        return factory;
    }

    private static List<? extends Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            List<? extends Certificate> certs = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
            if (certs.isEmpty()) throw new ConfigException("tls: " + pem + " holds no PEM certificate");
            return certs;
        }
    }

    private static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        Matcher m = PEM_KEY.matcher(Files.readString(pem));
        if (!m.find()) {
            throw new ConfigException("tls: " + pem + " holds no unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----); "
                    + "convert with: openssl pkcs8 -topk8 -nocrypt -in KEY -out " + pem.getFileName());
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        for (String algorithm : new String[]{"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (InvalidKeySpecException e) {
                // not this algorithm; try the next
            }
        }
        throw new ConfigException("tls: " + pem + ": the key is neither RSA, EC nor Ed25519");
    }
}
