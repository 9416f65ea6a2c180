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

    @Test
    void atMostTenNewTexts_perCategory_perRequest() {
        String ten = tags(10, "new ");
        String eleven = tags(11, "new ");

        assertThat(accepted(ten)).hasSize(10);
        assertThat(rejected(eleven)).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("ticket.tags");
            assertThat(error.message()).contains("at most 10 new tags").contains("'Topic'");
        });
        // Existing tags do not count: they do not grow the category.
        assertThat(accepted(ten.substring(0, ten.length() - 1) + ", {\"tagCategoryId\": \"" + TOPIC
                + "\", \"text\": \"VPN\"}]")).hasSize(11);
    }

    @Test
    void aFullCategory_takesNoNewText_butStillItsOwnTags() {
        List<Tag> full = java.util.stream.IntStream.range(0, 500)
                .mapToObj(i -> new Tag("t" + i, false)).toList();
        List<TagCategory> categories = List.of(new TagCategory(TOPIC, "i-1", "Topic", "#0078D4", full, false));
        Errors errors = new Errors();

        TagValidator.validate(json("[{\"tagCategoryId\": \"" + TOPIC + "\", \"text\": \"t7\"}]"), categories,
                "ticket.tags", errors);
        assertThat(errors.isEmpty()).isTrue();
        TagValidator.validate(json("[{\"tagCategoryId\": \"" + TOPIC + "\", \"text\": \"brand new\"}]"),
                categories, "ticket.tags", errors);
        ValidationException e = catchThrowableOfType(ValidationException.class, errors::throwIfAny);
        assertThat(e.details()).singleElement().satisfies(error ->
                assertThat(error.message()).contains("500 of at most 500"));
    }

    private static String tags(int count, String prefix) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> "{\"tagCategoryId\": \"" + TOPIC + "\", \"text\": \"" + prefix + i + "\"}")
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }
}
