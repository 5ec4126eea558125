package org.leadrouter.assignment.work;

public enum OfferState {
    OPEN, ACCEPTED, DECLINED, TIMED_OUT, WITHDRAWN
}
