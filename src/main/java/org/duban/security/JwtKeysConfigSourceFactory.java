package org.duban.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Supplies a freshly generated RS256 key pair when none is configured, so that the service starts on a
 * fresh machine. Such tokens die with the process and other instances reject them;
 * {@link EphemeralKeysWarning} says so in the log.
 */
public class JwtKeysConfigSourceFactory implements ConfigSourceFactory {

    static final String EPHEMERAL_MARKER = "duban.auth.ephemeral-keys";
    private static final List<String> KEY_SETTINGS = List.of(
            "mp.jwt.verify.publickey", "mp.jwt.verify.publickey.location",
            "smallrye.jwt.sign.key", "smallrye.jwt.sign.key.location");
    /** Below application.properties: anything configured anywhere wins. */
    private static final int ORDINAL = 110;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        for (String setting : KEY_SETTINGS) {
            ConfigValue value = context.getValue(setting);
            if (value != null && value.getValue() != null && !value.getValue().isBlank()) {
                return List.of();
            }
        }
        KeyPair pair = generate();
        Map<String, String> keys = Map.of(
                "mp.jwt.verify.publickey", pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                "smallrye.jwt.sign.key", pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                EPHEMERAL_MARKER, "true");
        return List.of(new PropertiesConfigSource(keys, "duban-ephemeral-jwt-keys", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
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
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
