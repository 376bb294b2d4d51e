package org.duban.notify;

import java.util.List;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

import io.smallrye.graphql.api.Nullable;

@Input("DeliveryFilter")
public record DeliveryFilter(@Nullable List<DeliveryStatus> status, String channel, @Id String taskId) {
}
