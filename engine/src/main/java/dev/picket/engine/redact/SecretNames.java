package dev.picket.engine.redact;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a field or variable name holds a secret value: its last word says so ({@code DB_PASSWORD},
 * {@code clientSecret}, {@code access_token}, {@code AWS_SECRET_ACCESS_KEY}, {@code Authorization}).
 * Only the last word counts, so names about a secret rather than of one ({@code secretName},
 * {@code tokenPath}, {@code PASSWORD_FILE}, {@code authorization.k8s.io/decision}) and look-alikes
 * ({@code keyboard}, {@code PWD}) stay readable; a bare {@code key} is the name of a key
 * ({@code secretKeyRef.key}), while {@code API_KEY} is a key, and so is a kubeconfig's {@code client-key-data}.
 */
final class SecretNames {
    private static final Set<String> SECRET_WORDS = Set.of(
            "password", "passwords", "passwd", "passphrase", "secret", "secrets", "token", "tokens",
            "apikey", "credential", "credentials", "authorization", "privatekey");
    /** Last words that are secrets only when qualified: DB_PASS, API_KEY, SIGNING_KEY. */
    private static final Set<String> QUALIFIED_WORDS = Set.of("key", "pass");

    private SecretNames() {
    }

    static boolean looksSecret(String name) {
        List<String> words = words(name);
        if (words.isEmpty()) return false;
        String last = words.get(words.size() - 1);
        if (SECRET_WORDS.contains(last) || (words.size() > 1 && QUALIFIED_WORDS.contains(last))) return true;
        // client-key-data: a kubeconfig's private key
        return words.size() > 1 && last.equals("data") && words.get(words.size() - 2).equals("key");
    }

    private static List<String> words(String name) {
        StringBuilder spaced = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                spaced.append(' ');
                continue;
            }
            if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1))) spaced.append(' ');
            spaced.append(c);
        }
        return List.of(spaced.toString().toLowerCase(Locale.ROOT).trim().split("\\s+")).stream()
                .filter(w -> !w.isEmpty()).toList();
    }
}
