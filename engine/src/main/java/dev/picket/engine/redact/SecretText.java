package dev.picket.engine.redact;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.List;

/**
 * Secrets inside free text: command lines, URLs, headers. Each pattern keeps what tells an analyst
 * what happened (the option, the header, the program) and replaces only the secret value. RE2/J keeps
 * matching linear on attacker-controlled command lines.
 */
final class SecretText {
    static final String MASK = "[REDACTED]";

    /** A pattern whose capture group {@code secret} is the secret; everything else is kept. */
    private record Rule(Pattern pattern, int secret) {
        /** The secret is the last group. */
        Rule(Pattern pattern) {
            this(pattern, pattern.groupCount());
        }

        String apply(String text) {
            Matcher m = pattern.matcher(text);
            if (!m.find()) return text;
            StringBuilder out = new StringBuilder(text.length());
            int last = 0;
            do {
                out.append(text, last, m.start(secret)).append(MASK);
                last = m.end(secret);
            } while (m.find());
            return out.append(text, last, text.length()).toString();
        }
    }

    /** The end of a key name that holds a secret (JSON and YAML keys in text). */
    private static final String SECRET_KEY = "(?:password|passwd|secret|token|api[_-]?key|private[_-]?key|key[_-]data)";

    /** An option or variable value: quoted, or a word up to whitespace or a shell separator. */
    private static final String VALUE = "(\"[^\"]*\"|'[^']*'|[^\\s\"'&;|-][^\\s\"'&;|]*)";

    private static final List<Rule> RULES = List.of(
            // Authorization: Bearer xyz / Authorization: Basic xyz / Authorization: xyz
            new Rule(Pattern.compile("(?i)(authorization\\s*:\\s*(?:(?:bearer|basic|token|digest)\\s+)?)([^\\s\"']+)")),
            // a bearer token anywhere else (--header=Bearer ..., token files echoed)
            new Rule(Pattern.compile("(?i)(\\bbearer\\s+)([A-Za-z0-9._~+/=-]{8,})")),
            // secrets in URL query strings
            new Rule(Pattern.compile("(?i)([?&](?:access_token|id_token|refresh_token|token|api_key|apikey|key|password|passwd|secret|client_secret|sig|signature)=)([^&\\s\"'#]+)")),
            // credentials in a URL's user info: scheme://user:password@host
            new Rule(Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^\\s/:@]+:)([^\\s/@]+)(?:@)")),
            // --password=x, --token x, --client-secret "x", --api-key=x
            new Rule(Pattern.compile("(?i)((?:^|\\s)--?[a-z0-9-]*(?:password|passwd|passphrase|token|secret|api-?key|access-?key|secret-?key|private-?key|credentials?)(?:=|\\s+))" + VALUE)),
            // DB_PASSWORD=x, MYSQL_PWD=x, AWS_SECRET_ACCESS_KEY=x as shell assignments
            new Rule(Pattern.compile("(?i)(\\b[a-z0-9_]*(?:password|passwd|_pwd|secret|token|api_?key|access_key|secret_key|private_key)=)" + VALUE)),
            // "password": "x" in JSON embedded in text (curl -d '{...}')
            new Rule(Pattern.compile("(?i)(\"[a-z0-9_-]*" + SECRET_KEY + "\"\\s*:\\s*\")([^\"]+)")),
            // password: x as a YAML line embedded in text (a kubeconfig's client-key-data); only at a
            // line start, so "grep secret: file" keeps its file name
            new Rule(Pattern.compile("(?im)(^[ \\t-]*[a-z0-9_-]*" + SECRET_KEY + "[ \\t]*:[ \\t]+)([^\\s\"']+)")),
            // mysql -psecret, mysql -p secret, mysqladmin, mysqldump, mariadb, sshpass -p secret
            new Rule(Pattern.compile("(?i)((?:^|[\\s/])(?:mysql|mysqladmin|mysqldump|mariadb|mariadb-dump|sshpass)(?:\\s+\\S+)*?\\s-p\\s*)([^\\s-]\\S*)")),
            // redis-cli -a secret
            new Rule(Pattern.compile("(?i)((?:^|[\\s/])redis-cli(?:\\s+\\S+)*?\\s-a\\s+)(\\S+)")),
            // curl -u user:secret
            new Rule(Pattern.compile("(?i)((?:^|[\\s/])curl(?:\\s+\\S+)*?\\s(?:-u|--user)\\s+[^\\s:]+:)(\\S+)")),
            // the body of a PEM private key (the markers stay: they say what kind of key leaked)
            new Rule(Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----([^-]+)-----END [A-Z0-9 ]*PRIVATE KEY-----"), 1),
            // JSON Web Tokens: header.payload.signature, base64url of a JSON object
            new Rule(Pattern.compile("(\\beyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*)")));

    private SecretText() {
    }

    /** The text with every recognised secret replaced by {@value #MASK}; the same instance when none. */
    static String redact(String text) {
        String out = text;
        for (Rule rule : RULES) out = rule.apply(out);
        return out.equals(text) ? text : out;
    }
}
