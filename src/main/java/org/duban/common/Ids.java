package org.duban.common;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * GraphQL ids are opaque: the kind and row key sealed in one AES block, written in base64url (22 characters).
 * They do not count rows, reveal order or say what they name; a changed character names nothing, because the
 * seven bytes after the key must come back zero. The key is the deployment's own (table id_key, made by the
 * migration), so ids stay the same across restarts and instances and travel with a database restored elsewhere.
 * <p>
 * Held statically because ids are read and written in records, inputs and PlainFields, which CDI does not create;
 * {@link IdKeyLoader} installs the key before the service takes requests.
 * <p>
 * Until the next release a bare row id in decimal digits is still accepted on input (deprecated, README).
 */
public final class Ids {

    private static final int BLOCK = 16;
    private static final Pattern ROW_ID = Pattern.compile("[1-9][0-9]{0,18}");
    /** 128 bits in 22 characters leave the last one 2 bits: only A, Q, g and w write them, so no id has two spellings. */
    private static final Pattern GLOBAL_ID = Pattern.compile("[A-Za-z0-9_-]{21}[AQgw]");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private static volatile SecretKeySpec key;
    /** A Cipher is not thread-safe and costly to look up: one pair per thread, made again if the key changes. */
    private static final ThreadLocal<Ciphers> CIPHERS = new ThreadLocal<>();

    private Ids() {
    }

    static void useKey(byte[] keyBytes) {
        if (keyBytes.length != BLOCK) {
            throw new IllegalStateException("id_key holds " + keyBytes.length + " bytes, not " + BLOCK);
        }
        key = new SecretKeySpec(keyBytes.clone(), "AES");
    }

    /** The id handed out for row {@code rowKey} of that kind. */
    public static String of(IdKind kind, long rowKey) {
        byte[] block = ByteBuffer.allocate(BLOCK).put(kind.code).putLong(rowKey).array();
        return ENCODER.encodeToString(ciphers().seal(block));
    }

    /** The row an id names, if it is one of ours of that kind; anything else is simply not found. */
    public static long parse(String id, IdKind kind) {
        return open(id).filter(named -> named.fits(kind)).map(Named::rowKey)
                .orElseThrow(() -> DubanException.notFound(kind.typeName, id));
    }

    /** For an optional reference inside an input: a malformed one is reported against its field. */
    public static Long parseOptional(String id, IdKind kind) {
        return id == null || id.isBlank() ? null : parse(id, kind);
    }

    /** What an id names, whatever its kind (node(id:)); empty for anything that is not one of ours. */
    public static Optional<Named> open(String id) {
        if (id == null) {
            return Optional.empty();
        }
        if (ROW_ID.matcher(id).matches()) {
            return bareRowId(id);
        }
        if (!GLOBAL_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        ByteBuffer block = ByteBuffer.wrap(ciphers().open(DECODER.decode(id)));
        IdKind kind = IdKind.ofCode(block.get());
        long rowKey = block.getLong();
        while (block.hasRemaining()) {
            if (block.get() != 0) {
                return Optional.empty();
            }
        }
        return kind == null || rowKey <= 0 ? Optional.empty() : Optional.of(new Named(kind, rowKey));
    }

    /** A deprecated numeric id names a row of whatever kind is asked for; node(id:) cannot take one. */
    private static Optional<Named> bareRowId(String id) {
        try {
            return Optional.of(new Named(null, Long.parseLong(id)));
        } catch (NumberFormatException beyondLong) {
            return Optional.empty();
        }
    }

    /** A row named by an id; the kind is null for a deprecated bare row id, which fits any kind. */
    public record Named(IdKind kind, long rowKey) {

        public boolean fits(IdKind asked) {
            return kind == null || kind == asked;
        }
    }

    private static Ciphers ciphers() {
        SecretKeySpec current = key;
        if (current == null) {
            throw new DubanException(ErrorCode.UNAVAILABLE, "The database has not answered since the service started", null);
        }
        Ciphers ciphers = CIPHERS.get();
        if (ciphers == null || ciphers.key != current) {
            ciphers = new Ciphers(current);
            CIPHERS.set(ciphers);
        }
        return ciphers;
    }

    /** An id is one block, so AES in ECB mode is the bare block cipher: one id always seals to one string. */
    private static final class Ciphers {
        private final SecretKeySpec key;
        private final Cipher sealing;
        private final Cipher opening;

        Ciphers(SecretKeySpec key) {
            this.key = key;
            this.sealing = cipher(Cipher.ENCRYPT_MODE, key);
            this.opening = cipher(Cipher.DECRYPT_MODE, key);
        }

        byte[] seal(byte[] block) {
            return run(sealing, block);
        }

        byte[] open(byte[] block) {
            return run(opening, block);
        }

        private static byte[] run(Cipher cipher, byte[] block) {
            try {
                return cipher.doFinal(block);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES on one block failed", e);
            }
        }

        private static Cipher cipher(int mode, SecretKeySpec key) {
            try {
                Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
                cipher.init(mode, key);
                return cipher;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES is not available", e);
            }
        }
    }
}
