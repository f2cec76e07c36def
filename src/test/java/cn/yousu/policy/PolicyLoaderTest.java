package cn.yousu.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yousu.calendar.LimitUnit;
import cn.yousu.calendar.TimeLimit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import cn.yousu.YousuApplication;

/** The seeds' presets load exactly; a bad policy names its key and stops start-up. */
class PolicyLoaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"zaoyang", "dalian", "xuchang", "huanren", "yueyang"})
    void everyPresetLoads(String preset) {
        Policy p = PolicyLoader.preset(preset);
        assertThat(p.preset()).isEqualTo(preset);
        assertThat(p.closingSatisfaction()).containsExactly(Satisfaction.VERY_SATISFIED, Satisfaction.SATISFIED,
                Satisfaction.BASICALLY_SATISFIED);
        assertThat(p.maxRounds()).isEqualTo(2);
        assertThat(p.briefReplyLimit()).isEqualTo(TimeLimit.workingDays(5));
        assertThat(p.completionAfterAgreement()).isEqualTo(TimeLimit.workingDays(20));
    }

    @Test
    void zaoyangIsTheSeedsDefault() {
        Policy p = PolicyLoader.preset("zaoyang");
        assertThat(p.timeLimits().simple()).isEqualTo(new TimeLimit(24, LimitUnit.HOURS));
        assertThat(p.timeLimits().general()).isEqualTo(TimeLimit.workingDays(5));
        assertThat(p.timeLimits().complex()).isEqualTo(TimeLimit.workingDays(20));
        assertThat(p.extension().maxFactor()).isEqualTo(1.0);
        assertThat(p.extension().mustRequestBeforeDeadline()).isTrue();
        assertThat(p.supervisionReplyLimit()).isEqualTo(TimeLimit.days(5));
        assertThat(p.anonymousAccepted()).isTrue();
        assertThat(p.rehandleRequiresNewEvidence()).isFalse();
        assertThat(p.followUpSampleRate()).isEqualTo(0.10);
        assertThat(p.warnings().yellowWorkingDaysLeft()).isEqualTo(1);
        assertThat(p.rankingWeights().values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(1.0);
        assertThat(p.formatCaseNumber("XC", 2026, 123)).isEqualTo("XC-2026-000123");
        assertThat(p.monitoring()).isEqualTo(new Policy.Monitoring(60, 2, 1, 2, 6, 2));
    }

    @Test
    void dalianRefusesAnonymousComplaintsAndKeepsTheComplainantFromUnits() {
        Policy p = PolicyLoader.preset("dalian");
        assertThat(p.anonymousAccepted()).isFalse();
        assertThat(p.revealComplainantToUnits()).isFalse();
        assertThat(p.timeLimits().general()).isEqualTo(TimeLimit.workingDays(20));
    }

    @Test
    void xuchangNeedsNewEvidenceForASecondHandling() {
        assertThat(PolicyLoader.preset("xuchang").rehandleRequiresNewEvidence()).isTrue();
    }

    @Test
    void anUnknownPresetIsNamed() {
        assertThatThrownBy(() -> PolicyLoader.preset("beijing")).isInstanceOf(PolicyException.class)
                .hasMessageContaining("yousu.policy.preset").hasMessageContaining("beijing");
    }

    @Test
    void everyBadKeyIsNamedWithItsPath() throws IOException {
        String yaml = zaoyang()
                .replace("general: { amount: 5,  unit: WORKING_DAYS }", "general: { amount: 5,  unit: WEEKS }")
                .replace("maxFactor: 1.0", "maxFactor: many")
                .replace("anonymousAccepted: true", "anonymousAccepted: true\nanonymusAccepted: false")
                .replace("closingSatisfaction: [VERY_SATISFIED, SATISFIED, BASICALLY_SATISFIED]",
                        "closingSatisfaction: [VERY_SATISFIED, HAPPY]")
                .replace("  satisfactionRate: 0.30", "  satisfactionRate: 0.50");
        assertThatThrownBy(() -> PolicyLoader.parse(yaml, "test"))
                .isInstanceOfSatisfying(PolicyException.class, e -> assertThat(e.problems()).anySatisfy(
                        m -> assertThat(m).startsWith("timeLimits.general.unit:").contains("WEEKS"))
                        .anySatisfy(m -> assertThat(m).startsWith("extension.maxFactor:"))
                        .anySatisfy(m -> assertThat(m).startsWith("anonymusAccepted: unknown key"))
                        .anySatisfy(m -> assertThat(m).startsWith("closingSatisfaction[1]:").contains("HAPPY"))
                        .anySatisfy(m -> assertThat(m).startsWith("rankingWeights:").contains("add up to 1")));
    }

    @Test
    void aMissingKeyIsNamed() throws IOException {
        String yaml = zaoyang().replace("visitLimit: { amount: 5, unit: WORKING_DAYS }\n", "");
        assertThatThrownBy(() -> PolicyLoader.parse(yaml, "test")).isInstanceOf(PolicyException.class)
                .hasMessageContaining("visitLimit: missing");
    }

    @Test
    void caseNumbersArePaddedToTheFormatsWidthAndGrowPastIt() {
        assertThat(PolicyLoader.formatNumber("{prefix}-{year}-{seq:6}", "SF", 2026, 42)).isEqualTo("SF-2026-000042");
        assertThat(PolicyLoader.formatNumber("{prefix}-{year}-{seq:6}", "SF", 2026, 1_234_567))
                .isEqualTo("SF-2026-1234567");
        assertThat(PolicyLoader.formatNumber("{prefix}{year}{seq}", "ZY", 2027, 7)).isEqualTo("ZY20277");
    }

    @Test
    void aBadCaseNumberFormatIsRefused() throws IOException {
        String yaml = zaoyang().replace("caseNumberFormat: \"{prefix}-{year}-{seq:6}\"",
                "caseNumberFormat: \"{prefix}-{year}\"");
        assertThatThrownBy(() -> PolicyLoader.parse(yaml, "test")).hasMessageContaining("caseNumberFormat");
    }

    @Test
    void aBadPolicyFileStopsStartUpNamingTheKey(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("policy.yml");
        Files.writeString(file, zaoyang().replace("maxRounds: 2", "maxRounds: 0"));
        SpringApplication app = new SpringApplication(YousuApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> app.run("--yousu.policy.file=" + file, "--spring.profiles.active=test",
                "--spring.main.banner-mode=off"))
                .hasRootCauseInstanceOf(PolicyException.class)
                .rootCause().hasMessageContaining("maxRounds: 0 is out of range");
    }

    static String zaoyang() throws IOException {
        try (InputStream in = PolicyLoader.class.getResourceAsStream("/policies/zaoyang.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
