package io.incident.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local stand-in for an identity provider: an RSA key pair whose public half the services verify bearer tokens
 * against, and whose private half signs tokens for people and services. A deployment points the services at its
 * real provider instead ({@code mp.jwt.verify.publickey.location} = the provider's JWKS URL,
 * {@code incident.access.issuer} = its issuer), and this class is not part of it.
 *
 * <p>Tokens are RS256 JWTs in the MicroProfile JWT shape: {@code upn} names the person (their personRef),
 * {@code groups} holds their roles.
 */
public final class AccessTokens {

    /** The issuer the services expect unless configured otherwise ({@code incident.access.issuer}). */
    public static final String ISSUER = "incident-platform";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private AccessTokens(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A new key pair that lives as long as this object: for tests. */
    public static AccessTokens generate() {
        KeyPair pair = newPair();
        return new AccessTokens(pair.getPrivate(), pair.getPublic());
    }

    /**
     * The key pair kept in {@code file} (PKCS#8, readable by the owner only), made on first use, so that tokens
     * printed by {@code ./stack token} stay valid across restarts of the stack.
     */
    public static AccessTokens stored(Path file) throws IOException {
        try {
            if (Files.exists(file)) {
                PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                        Base64.getMimeDecoder().decode(Files.readString(file)
                                .replaceAll("-----[A-Z ]+-----", "").trim())));
                RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
                PublicKey pub = KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
                return new AccessTokens(key, pub);
            }
            KeyPair pair = newPair();
            Files.createDirectories(file.getParent());
            Files.writeString(file, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system; the folder is the user's own.
            }
            return new AccessTokens(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable signing key in " + file + "; delete it to make a new one", e);
        }
    }

    /** The public key as PEM, for {@code mp.jwt.verify.publickey}. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** A token for a person with these roles, valid for {@code ttl}. */
    public String token(String subject, Duration ttl, List<String> roles) {
        Instant now = Instant.now();
        Map<String, Object> header = Map.of("alg", "RS256", "typ", "JWT");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", roles);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(ttl).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        try {
            String signingInput = URL.encodeToString(JSON.writeValueAsBytes(header)) + "."
                    + URL.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(privateKey);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    /** A token valid for 12 hours, a working day's shift. */
    public String token(String subject, String... roles) {
        return token(subject, Duration.ofHours(12), List.of(roles));
    }

    private static KeyPair newPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is missing from this JVM", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
