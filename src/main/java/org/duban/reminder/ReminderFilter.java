package org.duban.reminder;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("ReminderFilter")
public record ReminderFilter(
        @Description("Reminder days from, inclusive") LocalDate from,
        @Description("Reminder days to, inclusive") LocalDate to,
        @Description("true: only those that reached nobody") Boolean undeliverable,
        @Id String taskId) {
}
