package dev.ticketing.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.error.FieldError;
import dev.ticketing.error.ValidationException;
import dev.ticketing.json.Json;
import dev.ticketing.model.Tag;
import dev.ticketing.model.TagCategory;
import dev.ticketing.model.TicketTag;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagValidatorTest {

    private static final String TOPIC = "2283653a-8d36-40eb-9a68-73eb3b331811";
    private static final String RETIRED = "99999999-8d36-40eb-9a68-73eb3b331811";
    private static final List<TagCategory> CATEGORIES = List.of(
            new TagCategory(TOPIC, "i-1", "Topic", "#0078D4",
                    List.of(new Tag("VPN", false), new Tag("legacy", true)), false),
            new TagCategory(RETIRED, "i-1", "Retired", "#000000", List.of(new Tag("old", false)), true));

    private static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static List<TicketTag> accepted(String tags) {
        Errors errors = new Errors();
        List<TicketTag> result = TagValidator.validate(json(tags), CATEGORIES, "ticket.tags", errors);
        assertThat(errors.isEmpty()).isTrue();
        return result;
    }

    private static List<FieldError> rejected(String tags) {
        Errors errors = new Errors();
        TagValidator.validate(json(tags), CATEGORIES, "ticket.tags", errors);
        ValidationException e = catchThrowableOfType(ValidationException.class, errors::throwIfAny);
        return e == null ? List.of() : e.details();
    }

    @Test
    void existingTag_isAccepted_inItsStoredSpelling() {
        assertThat(accepted("[{\"tagCategoryId\": \"" + TOPIC + "\", \"text\": \" vpn \"}]"))
                .containsExactly(new TicketTag(TOPIC, "VPN"));
    }

    @Test
    void newText_isAccepted_trimmed() {
        assertThat(accepted("[{\"tagCategoryId\": \"" + TOPIC + "\", \"text\": \"  my tag \"}]"))
                .containsExactly(new TicketTag(TOPIC, "my tag"));
    }

    @Test
    void sameTagTwice_isKeptOnce() {
        assertThat(accepted("[{\"tagCategoryId\": \"" + TOPIC + "\", \"text\": \"VPN\"},"
                + " {\"tagCategoryId\": \"" + TOPIC + "\", \"text\": \"vpn\"}]")).hasSize(1);
    }

    @Test
    void deletedTag_cannotBeNewlyApplied() {
        List<FieldError> errors = rejected("[{\"tagCategoryId\": \"" + TOPIC + "\", \"text\": \"Legacy\"}]");

        assertThat(errors).extracting(FieldError::field).containsExactly("ticket.tags[0].text");
        assertThat(errors.get(0).message()).contains("deleted");
    }

    @Test
    void deletedCategory_isRejected() {
        List<FieldError> errors = rejected("[{\"tagCategoryId\": \"" + RETIRED + "\", \"text\": \"old\"}]");

        assertThat(errors).extracting(FieldError::field).containsExactly("ticket.tags[0].tagCategoryId");
        assertThat(errors.get(0).message()).contains("'Retired'").contains("deleted");
    }

    @Test
    void unknownCategory_isRejected() {
        assertThat(rejected("[{\"tagCategoryId\": \"nope\", \"text\": \"x\"}]"))
                .extracting(FieldError::field).containsExactly("ticket.tags[0].tagCategoryId");
    }

    @Test
    void blankOrOverlongText_isRejected() {
        String tooLong = "x".repeat(TagValidator.MAX_TAG_LENGTH + 1);

        assertThat(rejected("[{\"tagCategoryId\": \"" + TOPIC + "\", \"text\": \"   \"},"
                + " {\"tagCategoryId\": \"" + TOPIC + "\", \"text\": \"" + tooLong + "\"}]"))
                .extracting(FieldError::field).containsExactly("ticket.tags[0].text", "ticket.tags[1].text");
    }

    @Test
    void nonArrayOrUnknownMembers_areRejected() {
        assertThat(rejected("{\"tagCategoryId\": \"" + TOPIC + "\"}")).extracting(FieldError::field)
                .containsExactly("ticket.tags");
        assertThat(rejected("[{\"tagCategoryId\": \"" + TOPIC + "\", \"text\": \"a\", \"color\": \"red\"}]"))
                .extracting(FieldError::field).containsExactly("ticket.tags[0].color");
    }

    @Test
    void newTexts_areTheAcceptedTagsNotYetInTheirCategory_ignoringCase() {
        List<TicketTag> tags = accepted("[{\"tagCategoryId\": \"" + TOPIC + "\", \"text\": \"vpn\"},"
                + " {\"tagCategoryId\": \"" + TOPIC + "\", \"text\": \"Printer\"}]");

        assertThat(TagValidator.newTexts(tags, CATEGORIES)).containsExactly(new TicketTag(TOPIC, "Printer"));
    }
}
