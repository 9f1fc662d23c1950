package dev.kconnect.cli.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an unencrypted PEM private key for {@code --key}: PKCS#8 ({@code BEGIN PRIVATE KEY}), and
 * the traditional forms openssl and cert-manager write by default, PKCS#1 ({@code BEGIN RSA PRIVATE
 * KEY}) and SEC1 ({@code BEGIN EC PRIVATE KEY}). The JDK reads only PKCS#8, so the traditional forms
 * are wrapped into it: a PKCS#8 key is the traditional key plus the name of its algorithm.
 */
final class PemKeys {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final String CONVERT = "convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8";

    /** DER of the AlgorithmIdentifier {rsaEncryption, NULL}. */
    private static final byte[] RSA_ALGORITHM = der(0x30, concat(
            der(0x06, new byte[] {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01}),
            der(0x05, new byte[0])));
    /** DER of the OID id-ecPublicKey; the curve's OID follows it in the AlgorithmIdentifier. */
    private static final byte[] EC_PUBLIC_KEY = der(0x06, new byte[] {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01});
    private static final byte[] VERSION_0 = der(0x02, new byte[] {0});

    private PemKeys() {
    }

    static PrivateKey read(Path file) {
        String pem;
        try {
            // Latin-1 reads any bytes: a binary file (a keystore, DER) then just holds no PEM block
            pem = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new TlsFileException("cannot read --key " + file + ": " + e.getMessage());
        }
        Matcher block = BLOCK.matcher(pem);
        if (!block.find()) {
            throw new TlsFileException("--key " + file + " holds no PEM private key (-----BEGIN PRIVATE KEY-----,"
                    + " RSA PRIVATE KEY or EC PRIVATE KEY); " + CONVERT
                    + ", or from a PKCS12 keystore: openssl pkcs12 -in STORE.p12 -nocerts -nodes -out key.pem");
        }
        String kind = block.group(1);
        String body = block.group(2);
        if (kind.startsWith("ENCRYPTED") || body.contains("ENCRYPTED")) {
            throw new TlsFileException("--key " + file + " is encrypted; write it unencrypted, readable only by you,"
                    + " with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8 (asks for the passphrase)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(body.strip());
        } catch (IllegalArgumentException e) {
            throw new TlsFileException("--key " + file + " is not valid PEM (" + e.getMessage() + ")");
        }
        try {
            return switch (kind) {
                case "RSA PRIVATE KEY" -> generate("RSA", pkcs8(RSA_ALGORITHM, der));
                case "EC PRIVATE KEY" -> generate("EC", pkcs8(der(0x30, concat(EC_PUBLIC_KEY, curveOf(der))), der));
                default -> anyAlgorithm(der, file);
            };
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new TlsFileException("--key " + file + " holds a " + kind + " the JDK cannot read (" + e.getMessage() + ")");
        }
    }

    private static PrivateKey anyAlgorithm(byte[] pkcs8, Path file) {
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return generate(algorithm, pkcs8);
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new TlsFileException("--key " + file + " holds no RSA, EC or Ed25519 private key the JDK can read");
    }

    private static PrivateKey generate(String algorithm, byte[] pkcs8) throws GeneralSecurityException {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    /** PrivateKeyInfo ::= SEQUENCE { version 0, algorithm, privateKey OCTET STRING }. */
    private static byte[] pkcs8(byte[] algorithm, byte[] traditional) {
        return der(0x30, concat(VERSION_0, algorithm, der(0x04, traditional)));
    }

    /**
     * The named curve of a SEC1 key: ECPrivateKey ::= SEQUENCE { version, privateKey OCTET STRING,
     * [0] parameters (the curve's OID), [1] publicKey }. Returns the OID's whole encoding.
     */
    private static byte[] curveOf(byte[] sec1) {
        int[] sequence = header(sec1, 0);
        for (int at = sequence[0]; at < sequence[0] + sequence[1]; ) {
            int[] element = header(sec1, at);
            if ((sec1[at] & 0xff) == 0xa0) {
                return Arrays.copyOfRange(sec1, element[0], element[0] + element[1]);
            }
            at = element[0] + element[1];
        }
        throw new IllegalArgumentException("the EC key does not name its curve");
    }

    /** Where the content of the DER element at {@code at} starts, and its length. */
    private static int[] header(byte[] der, int at) {
        int first = der[at + 1] & 0xff;
        if (first < 0x80) {
            return new int[] {at + 2, first};
        }
        int lengthBytes = first & 0x7f;
        int length = 0;
        for (int i = 0; i < lengthBytes; i++) {
            length = (length << 8) | (der[at + 2 + i] & 0xff);
        }
        return new int[] {at + 2 + lengthBytes, length};
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
