package sectar.experiments.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The campaign's signing key, {@value #FILE} in the campaign folder (mode 0600, 32 random bytes): the
 * coordinator signs the campaign it puts in the cluster (every run's {@code train} arguments included)
 * with HMAC-SHA256, and a worker runs only a campaign whose signature it can check with the key it reads
 * from the shared folder. The key never travels through the cluster, so someone who only reaches the
 * cluster's port cannot make a worker run arguments of their own.
 */
public final class CampaignKey {
    public static final String FILE = "cluster.key";
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;

    private CampaignKey(byte[] key) { this.key = key; }

    /** The key of campaign folder {@code root}, created on first use (the coordinator's side). */
    static CampaignKey createOrLoad(Path root) {
        if (!Files.exists(root.resolve(FILE))) {
            byte[] b = new byte[32];
            new SecureRandom().nextBytes(b);
            PrivateFiles.write(root.resolve(FILE), HexFormat.of().formatHex(b) + "\n");
        }
        return load(root);
    }

    /** The key of campaign folder {@code root}; a missing, unreadable or shared key is a user error naming the file. */
    public static CampaignKey load(Path root) {
        Path f = root.resolve(FILE);
        if (!Files.isRegularFile(f))
            throw new IllegalArgumentException(f + " does not exist; start the coordinator on this campaign folder first "
                    + "(experiment <task> --cluster --out " + root + "), and share the folder at the same path");
        String others, hex;
        try {
            others = PrivateFiles.othersMay(f);
            hex = Files.readString(f).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the campaign's key " + f + " (" + e.getMessage() + ")");
        }
        if (!others.isEmpty())
            throw new IllegalArgumentException(f + " has mode " + others + "; the campaign's key must be readable by its owner only (chmod 600)");
        if (!hex.matches("[0-9a-f]{64}")) throw new IllegalArgumentException(f + " is not a campaign key (expected 64 hex digits)");
        return new CampaignKey(HexFormat.of().parseHex(hex));
    }

    /** The signature of {@code text}, as hex. */
    String sign(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no " + ALGORITHM, e);
        }
    }

    /** Whether {@code signature} is {@code text}'s, compared in constant time. */
    boolean verifies(String text, String signature) {
        return signature != null && MessageDigest.isEqual(sign(text).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }
}
