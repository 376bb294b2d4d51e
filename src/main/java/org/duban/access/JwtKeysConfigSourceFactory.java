package org.duban.access;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * The token keys as the service uses them: a freshly generated RS256 pair when none is configured, so that the
 * service starts on a fresh machine (such tokens die with the process and other instances reject them;
 * {@link TokenKeysCheck} says so in the log), and inline PEM keys repaired when their line breaks were
 * turned into spaces on their way through an environment variable.
 *
 * <p>Quarkus calls this factory at build time too, and records every runtime value it sees then into the
 * packaged application (and a native build runs static initialisation too). A pair generated then would ship
 * inside the jar or image, shared by every deployment of it, and outrank the key files an operator configures
 * (smallrye-jwt prefers an inline key to a location). So nothing is generated before the application runs.
 */
public class JwtKeysConfigSourceFactory implements ConfigSourceFactory {

    static final String EPHEMERAL_MARKER = "duban.auth.ephemeral-keys";
    static final String VERIFY_KEY = "mp.jwt.verify.publickey";
    static final String SIGN_KEY = "smallrye.jwt.sign.key";
    private static final List<String> KEY_SETTINGS = List.of(VERIFY_KEY, VERIFY_KEY + ".location", SIGN_KEY,
            SIGN_KEY + ".location");
    /** Generated keys sit below application.properties: anything configured anywhere wins. */
    private static final int GENERATED_ORDINAL = 110;
    /** A repaired inline key must outrank the system property or variable it repairs. */
    private static final int REPAIRED_ORDINAL = 450;
    private static final Pattern PEM = Pattern.compile("\\s*(-----BEGIN [A-Z ]+-----)(.*?)(-----END [A-Z ]+-----)\\s*",
            Pattern.DOTALL);

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ExecutionMode mode = ExecutionMode.current();
        if (mode != ExecutionMode.RUNTIME_INIT && mode != ExecutionMode.RUNNING) {
            return List.of();
        }
        boolean configured = KEY_SETTINGS.stream().anyMatch(setting -> isSet(context.getValue(setting)));
        if (!configured) {
            return List.of(generated());
        }
        Map<String, String> repaired = new HashMap<>();
        for (String inline : List.of(VERIFY_KEY, SIGN_KEY)) {
            ConfigValue value = context.getValue(inline);
            if (isSet(value)) {
                String pem = normalizedPem(value.getValue());
                if (!pem.equals(value.getValue())) {
                    repaired.put(inline, pem);
                }
            }
        }
        return repaired.isEmpty() ? List.of()
                : List.of(new PropertiesConfigSource(repaired, "duban-repaired-jwt-keys", REPAIRED_ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(GENERATED_ORDINAL);
    }

    /**
     * A PEM block with its body's line breaks restored: {@code -----BEGIN … KEY----- MIIB… -----END … KEY-----}
     * on one line (what {@code $(cat key.pem)} in some shells and many secret stores produce) decodes as
     * the multi-line original. Anything that is not one PEM block is returned as it is.
     */
    static String normalizedPem(String value) {
        Matcher pem = PEM.matcher(value);
        if (!pem.matches()) {
            return value;
        }
        String body = pem.group(2).replaceAll("\\s+", "");
        return pem.group(1) + "\n" + String.join("\n", body.split("(?<=\\G.{64})")) + "\n" + pem.group(3) + "\n";
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static ConfigSource generated() {
        KeyPair pair = generate();
        Map<String, String> keys = Map.of(
                VERIFY_KEY, pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                SIGN_KEY, pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                EPHEMERAL_MARKER, "true");
        return new PropertiesConfigSource(keys, "duban-ephemeral-jwt-keys", GENERATED_ORDINAL);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return normalizedPem("-----BEGIN " + type + "-----" + Base64.getEncoder().encodeToString(der) + "-----END "
                + type + "-----");
    }
}
