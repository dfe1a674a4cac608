package io.maple.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps secrets (tokens, passwords, keytabs, kube credentials, keys) out of API answers: configuration
 * shown to callers has the values of secret-named keys replaced by {@code ***}, and rendered scripts
 * have every such value replaced wherever it appears.
 */
public final class Secrets {

    public static final String MASK = "***";

    private static final Pattern SECRET_KEY = Pattern.compile(
            "token|password|passwd|pwd|secret|keytab|kubeconfig|kube_config|credential|private[._-]?key"
                    + "|access[._-]?key|api[._-]?key|client[._-]?key|ssl[._-]?key|sas[._-]?key|signature");

    private Secrets() {
    }

    public static boolean isSecretKey(String key) {
        return key != null && SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).find();
    }

    /** A copy of the tree with every value under a secret-named key masked. */
    public static JsonNode redact(JsonNode node) {
        if (node == null) {
            return null;
        }
        JsonNode copy = node.deepCopy();
        mask(copy);
        return copy;
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (isSecretKey(field.getKey()) && !field.getValue().isNull()) {
                    field.setValue(TextNode.valueOf(MASK));
                } else {
                    mask(field.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(Secrets::mask);
        }
    }

    /** A copy of {@code updated} where each masked secret takes its value from {@code stored} at the same path. */
    public static JsonNode restoreMasked(JsonNode updated, JsonNode stored) {
        if (updated == null) {
            return null;
        }
        JsonNode copy = updated.deepCopy();
        restore(copy, stored);
        return copy;
    }

    private static void restore(JsonNode node, JsonNode stored) {
        if (!(node instanceof ObjectNode object) || stored == null || !stored.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode old = stored.get(field.getKey());
            if (isSecretKey(field.getKey()) && MASK.equals(field.getValue().asText()) && old != null) {
                field.setValue(old.deepCopy());
            } else {
                restore(field.getValue(), old);
            }
        }
    }

    /** The values (leaves) held under secret-named keys anywhere in these trees. */
    public static Set<String> values(List<JsonNode> trees) {
        Set<String> found = new LinkedHashSet<>();
        trees.forEach(tree -> collect(tree, false, found));
        return found;
    }

    private static void collect(JsonNode node, boolean underSecret, Set<String> found) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            node.properties().forEach(f -> collect(f.getValue(), underSecret || isSecretKey(f.getKey()), found));
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, underSecret, found));
        } else if (underSecret && node.asText().length() >= 4) {
            // shorter values (true, 1, 443) would mask unrelated text and are not secrets worth the noise
            found.add(node.asText());
        }
    }

    /** The text with every occurrence of each value replaced by the mask, longest values first. */
    public static String scrub(String text, Set<String> values) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        String out = text;
        for (String v : values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            out = out.replace(v, MASK);
        }
        return out;
    }
}
