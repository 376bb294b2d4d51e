package org.duban.bulletin;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("BulletinInput")
@Description("A bulletin (通报): a period (a week, a month, or any from/to, inclusive) and plans of one region")
public record BulletinInput(
        @NonNull @Size(min = 1, max = 50) @Id List<@NonNull String> planIds,
        @NonNull LocalDate from,
        @NonNull @Description("The period's last day: today at the latest") LocalDate to,
        @Size(max = 200) @Description("By default 关于<period>整改工作推进情况的通报") String title,
        @Description("The published bulletin this one corrects; it names it, and the old one stays as published") @Id String corrects,
        @Size(max = 2000) @Description("What the correction corrects; required with corrects") String correctionNote) {
}
