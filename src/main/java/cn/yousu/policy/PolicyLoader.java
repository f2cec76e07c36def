package cn.yousu.policy;

import cn.yousu.calendar.LimitUnit;
import cn.yousu.calendar.TimeLimit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a policy YAML file and checks every key: unknown keys, missing keys, wrong types and values out of
 * range are all reported, each with its full key, before anything runs.
 */
public final class PolicyLoader {

    public static final List<String> PRESETS = List.of("zaoyang", "dalian", "xuchang", "huanren", "yueyang");
    private static final Pattern NUMBER_TOKEN = Pattern.compile("\\{(prefix|year|seq(?::(\\d))?)}");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final String origin;
    private final List<String> problems = new ArrayList<>();

    private PolicyLoader(String origin) {
        this.origin = origin;
    }

    /** Loads a shipped preset by name. */
    public static Policy preset(String name) {
        if (name == null || !PRESETS.contains(name)) {
            throw new PolicyException("yousu.policy.preset",
                    List.of("yousu.policy.preset: unknown preset '" + name + "', expected one of " + PRESETS));
        }
        String resource = "/policies/" + name + ".yml";
        try (InputStream in = PolicyLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing shipped policy " + resource);
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "preset " + name);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** Loads a policy file a deployment provides. */
    public static Policy file(Path path) {
        try {
            return parse(Files.readString(path), "file " + path);
        } catch (IOException e) {
            throw new PolicyException("file " + path, List.of("cannot read the file: " + e.getMessage()));
        }
    }

    /** Parses YAML text; {@code origin} names it in error messages. */
    public static Policy parse(String yaml, String origin) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new PolicyException(origin, List.of("not valid YAML: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new PolicyException(origin, List.of("the policy must be a YAML mapping of keys"));
        }
        return new PolicyLoader(origin).read(root);
    }

    private Policy read(JsonNode root) {
        allowOnly(root, "", Set.of("preset", "name", "source", "timeLimits", "acceptanceLimit", "briefReplyLimit",
                "completionAfterAgreement", "extension", "supervisionReplyLimit", "visitLimit", "anonymousAccepted",
                "rehandleRequiresNewEvidence", "maxRounds", "closingSatisfaction", "visitAfterInstantAnswer",
                "followUpSampleRate", "warnings", "caseNumberFormat", "duplicateWindowDays",
                "revealComplainantToUnits", "rankingWeights", "monitoring"));
        String preset = text(root, "", "preset");
        String name = text(root, "", "name");
        String source = text(root, "", "source");

        JsonNode limits = object(root, "", "timeLimits");
        Policy.TimeLimits timeLimits = null;
        if (limits != null) {
            allowOnly(limits, "timeLimits.", Set.of("simple", "general", "complex"));
            timeLimits = new Policy.TimeLimits(limit(limits, "timeLimits.", "simple"),
                    limit(limits, "timeLimits.", "general"), limit(limits, "timeLimits.", "complex"));
        }
        TimeLimit acceptance = limit(root, "", "acceptanceLimit");
        TimeLimit briefReply = limit(root, "", "briefReplyLimit");
        TimeLimit completion = limit(root, "", "completionAfterAgreement");

        JsonNode ext = object(root, "", "extension");
        Policy.Extension extension = null;
        if (ext != null) {
            allowOnly(ext, "extension.", Set.of("maxFactor", "mustRequestBeforeDeadline", "notifyComplainant"));
            double factor = number(ext, "extension.", "maxFactor", 0, 10);
            extension = new Policy.Extension(factor, bool(ext, "extension.", "mustRequestBeforeDeadline"),
                    bool(ext, "extension.", "notifyComplainant"));
        }
        TimeLimit supervisionReply = limit(root, "", "supervisionReplyLimit");
        TimeLimit visit = limit(root, "", "visitLimit");
        boolean anonymous = bool(root, "", "anonymousAccepted");
        boolean newEvidence = bool(root, "", "rehandleRequiresNewEvidence");
        int maxRounds = integer(root, "", "maxRounds", 1, 5);
        List<Satisfaction> closing = satisfactionLevels(root);
        boolean visitAfterAnswer = bool(root, "", "visitAfterInstantAnswer");
        double sampleRate = number(root, "", "followUpSampleRate", 0, 1);

        JsonNode warn = object(root, "", "warnings");
        Policy.Warnings warnings = null;
        if (warn != null) {
            allowOnly(warn, "warnings.", Set.of("yellowWorkingDaysLeft"));
            warnings = new Policy.Warnings(integer(warn, "warnings.", "yellowWorkingDaysLeft", 0, 30));
        }
        String numberFormat = text(root, "", "caseNumberFormat");
        if (numberFormat != null) {
            checkNumberFormat(numberFormat);
        }
        int duplicateWindow = integer(root, "", "duplicateWindowDays", 0, 3650);
        boolean reveal = bool(root, "", "revealComplainantToUnits");
        Map<String, Double> weights = weights(root);

        JsonNode mon = object(root, "", "monitoring");
        Policy.Monitoring monitoring = null;
        if (mon != null) {
            String p = "monitoring.";
            allowOnly(mon, p, Set.of("maxAge", "termYears", "problemsPerQuarter", "suggestionsPerYear",
                    "silentMonthsBeforeExit", "absencesBeforeExit"));
            monitoring = new Policy.Monitoring(integer(mon, p, "maxAge", 18, 100), integer(mon, p, "termYears", 1, 10),
                    integer(mon, p, "problemsPerQuarter", 0, 100), integer(mon, p, "suggestionsPerYear", 0, 100),
                    integer(mon, p, "silentMonthsBeforeExit", 1, 60), integer(mon, p, "absencesBeforeExit", 1, 20));
        }
        if (!problems.isEmpty()) {
            throw new PolicyException(origin, problems);
        }
        return new Policy(preset, name, source, timeLimits, acceptance, briefReply, completion, extension,
                supervisionReply, visit, anonymous, newEvidence, maxRounds, closing, visitAfterAnswer, sampleRate,
                warnings, numberFormat, duplicateWindow, reveal, weights, monitoring);
    }

    private List<Satisfaction> satisfactionLevels(JsonNode root) {
        JsonNode node = root.get("closingSatisfaction");
        if (node == null || node.isNull()) {
            problems.add("closingSatisfaction: missing (a list of satisfaction levels that close the loop)");
            return List.of();
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add("closingSatisfaction: must be a non-empty list of " + Arrays.toString(Satisfaction.values()));
            return List.of();
        }
        EnumSet<Satisfaction> levels = EnumSet.noneOf(Satisfaction.class);
        for (int i = 0; i < node.size(); i++) {
            String value = node.get(i).asString();
            try {
                levels.add(Satisfaction.valueOf(value));
            } catch (IllegalArgumentException e) {
                problems.add("closingSatisfaction[" + i + "]: unknown level '" + value + "', expected one of "
                        + Arrays.toString(Satisfaction.values()));
            }
        }
        if (levels.contains(Satisfaction.VERY_DISSATISFIED)) {
            problems.add("closingSatisfaction: VERY_DISSATISFIED cannot close the loop");
        }
        return List.copyOf(levels);
    }

    private Map<String, Double> weights(JsonNode root) {
        JsonNode node = object(root, "", "rankingWeights");
        Map<String, Double> weights = new LinkedHashMap<>();
        if (node == null) {
            return weights;
        }
        double sum = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = "rankingWeights." + entry.getKey();
            if (!Policy.RANKING_INDICATORS.contains(entry.getKey())) {
                problems.add(key + ": unknown indicator, expected one of " + Policy.RANKING_INDICATORS);
            } else if (!entry.getValue().isNumber() || entry.getValue().asDouble() < 0) {
                problems.add(key + ": must be a number ≥ 0");
            } else {
                weights.put(entry.getKey(), entry.getValue().asDouble());
                sum += entry.getValue().asDouble();
            }
        }
        if (weights.isEmpty()) {
            problems.add("rankingWeights: at least one indicator needs a weight");
        } else if (Math.abs(sum - 1.0) > 1e-6) {
            problems.add("rankingWeights: the weights must add up to 1 (they add up to " + sum + ")");
        }
        return weights;
    }

    private void checkNumberFormat(String format) {
        Matcher m = NUMBER_TOKEN.matcher(format);
        boolean seq = false;
        while (m.find()) {
            seq |= m.group(1).startsWith("seq");
        }
        String rest = NUMBER_TOKEN.matcher(format).replaceAll("");
        if (!seq) {
            problems.add("caseNumberFormat: must contain {seq} or {seq:N}");
        }
        if (rest.contains("{") || rest.contains("}")) {
            problems.add("caseNumberFormat: unknown placeholder; allowed are {prefix}, {year}, {seq}, {seq:N}");
        }
        if (!rest.matches("[A-Za-z0-9_\\-]*")) {
            problems.add("caseNumberFormat: only letters, digits, '-' and '_' may surround the placeholders");
        }
    }

    static String formatNumber(String format, String prefix, int year, long sequence) {
        Matcher m = NUMBER_TOKEN.matcher(format);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String token = m.group(1);
            String value;
            if (token.equals("prefix")) {
                value = prefix;
            } else if (token.equals("year")) {
                value = String.valueOf(year);
            } else {
                int width = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                // zero-padded by hand: String.format parsed its pattern on every registration
                String digits = Long.toString(sequence);
                value = digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private void allowOnly(JsonNode node, String path, Set<String> allowed) {
        for (String key : node.propertyNames()) {
            if (!allowed.contains(key)) {
                problems.add(path + key + ": unknown key (allowed here: "
                        + allowed.stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
        }
    }

    private JsonNode object(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            problems.add(path + key + ": missing");
            return null;
        }
        if (!node.isObject()) {
            problems.add(path + key + ": must be a mapping of keys");
            return null;
        }
        return node;
    }

    private String text(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull() || !node.isString() || node.asString().isBlank()) {
            problems.add(path + key + ": missing (a text value)");
            return null;
        }
        return node.asString();
    }

    private boolean bool(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        if (node == null || !node.isBoolean()) {
            problems.add(path + key + ": must be true or false");
            return false;
        }
        return node.asBoolean();
    }

    private int integer(JsonNode parent, String path, String key, int min, int max) {
        JsonNode node = parent.get(key);
        if (node == null || !node.isIntegralNumber()) {
            problems.add(path + key + ": must be a whole number between " + min + " and " + max);
            return min;
        }
        int value = node.asInt();
        if (value < min || value > max) {
            problems.add(path + key + ": " + value + " is out of range " + min + "–" + max);
        }
        return value;
    }

    private double number(JsonNode parent, String path, String key, double min, double max) {
        JsonNode node = parent.get(key);
        if (node == null || !node.isNumber()) {
            problems.add(path + key + ": must be a number between " + min + " and " + max);
            return min;
        }
        double value = node.asDouble();
        if (value < min || value > max) {
            problems.add(path + key + ": " + value + " is out of range " + min + "–" + max);
        }
        return value;
    }

    private TimeLimit limit(JsonNode parent, String path, String key) {
        JsonNode node = object(parent, path, key);
        if (node == null) {
            return null;
        }
        String at = path + key + ".";
        allowOnly(node, at, Set.of("amount", "unit"));
        int amount = integer(node, at, "amount", 0, 1000);
        JsonNode unitNode = node.get("unit");
        LimitUnit unit = null;
        if (unitNode == null || !unitNode.isString()) {
            problems.add(at + "unit: must be one of " + Arrays.toString(LimitUnit.values()));
        } else {
            try {
                unit = LimitUnit.valueOf(unitNode.asString());
            } catch (IllegalArgumentException e) {
                problems.add(at + "unit: unknown unit '" + unitNode.asString() + "', expected one of "
                        + Arrays.toString(LimitUnit.values()));
            }
        }
        return unit == null || amount < 0 ? null : new TimeLimit(amount, unit);
    }
}
