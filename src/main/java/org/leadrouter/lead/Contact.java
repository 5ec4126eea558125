package org.leadrouter.lead;

/** How to reach the person behind a lead. */
public record Contact(String name, String email, String phone) {
}
