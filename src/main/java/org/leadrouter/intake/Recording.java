package org.leadrouter.intake;

/** The outcome of recording a lead: the record that stands, and whether this request made it. */
public record Recording(LeadRecord record, boolean created) {
}
