package org.leadrouter.facts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The lead as the rules see it: already normalised and enriched. Analysts write their
 * conditions against these properties (see docs/rules.md), so names here are part of the
 * rules' contract and change only with the rules.
 *
 * <p>A plain bean rather than a record: the classic Drools engine reads properties through
 * getters.
 */
public class Lead {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final String id;
    private final String segment;
    private final String source;
    private final Instant receivedAt;
    private final String product;
    private final String postcode;
    private final String postcodeArea;
    private final String region;
    private final String customerTier;
    private final Boolean existingCustomer;
    private final String contractType;
    private final LocalDate contractEndDate;
    private final BigDecimal estimatedValue;
    private final String contactName;
    private final String email;
    private final String phone;
    private final Map<String, Object> attributes;

    public Lead(String id, String segment, String source, Instant receivedAt, String product,
                String postcode, String postcodeArea, String region, String customerTier,
                Boolean existingCustomer, String contractType, LocalDate contractEndDate,
                BigDecimal estimatedValue, String contactName, String email, String phone,
                Map<String, Object> attributes) {
        this.id = id;
        this.segment = segment;
        this.source = source;
        this.receivedAt = receivedAt;
        this.product = product;
        this.postcode = postcode;
        this.postcodeArea = postcodeArea;
        this.region = region;
        this.customerTier = customerTier;
        this.existingCustomer = existingCustomer;
        this.contractType = contractType;
        this.contractEndDate = contractEndDate;
        this.estimatedValue = estimatedValue;
        this.contactName = contactName;
        this.email = email;
        this.phone = phone;
        this.attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public String getId() { return id; }
    public String getSegment() { return segment; }
    public String getSource() { return source; }
    public Instant getReceivedAt() { return receivedAt; }
    public String getProduct() { return product; }
    public String getPostcode() { return postcode; }
    public String getPostcodeArea() { return postcodeArea; }
    public String getRegion() { return region; }
    public String getCustomerTier() { return customerTier; }
    public Boolean getExistingCustomer() { return existingCustomer; }
    public String getContractType() { return contractType; }
    public LocalDate getContractEndDate() { return contractEndDate; }
    public BigDecimal getEstimatedValue() { return estimatedValue; }
    public String getContactName() { return contactName; }
    public String getEmail() { return email; }
    public String getPhone() { return phone; }
    public Map<String, Object> getAttributes() { return attributes; }

    /** True for an existing customer only when the caller said so; unknown counts as not. */
    public boolean isExisting() {
        return Boolean.TRUE.equals(existingCustomer);
    }

    /** Whether the lead can be contacted at all: without a phone or an email nobody can act on it. */
    public boolean isContactable() {
        return notBlank(phone) || notBlank(email);
    }

    /**
     * Days from the day the lead was received (UK calendar) to the contract end date; null when
     * the end date is unknown, negative when the contract has already ended.
     */
    public Integer getDaysToContractEnd() {
        if (contractEndDate == null) {
            return null;
        }
        LocalDate received = LocalDate.ofInstant(receivedAt == null ? Instant.now() : receivedAt, UK);
        return (int) ChronoUnit.DAYS.between(received, contractEndDate);
    }

    /** A free attribute as text, or null; saves analysts a cast in conditions. */
    public String attribute(String name) {
        Object value = attributes.get(name);
        return value == null ? null : value.toString();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    @Override
    public String toString() {
        return "Lead[" + id + ", " + segment + ", " + product + ", " + postcode + "]";
    }
}
