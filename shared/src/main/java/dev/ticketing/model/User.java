package dev.ticketing.model;

/** IUser: a person identified by the caller; the API does not check that id, name and email agree. */
public record User(String id, String name, String email) {

    /** The author of the changes the instance's automation makes. */
    public static final User AUTOMATION = new User("system:automation", "Automation", null);
}
