package org.duban.land.quota;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.duban.land.Parcel;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("CountedParcel")
@Description("A parcel that counts toward a quota, and how")
public record CountedParcel(
        @NonNull Parcel parcel,
        @NonNull @Description("SUPPLIED, or ADJUSTED / APPROVAL_WITHDRAWN where the quota counts approval changes; "
                + "NEW_SUPPLY for a supply from outside the stock")
        String countedAs,
        @NonNull LocalDate countedOn,
        @NonNull BigDecimal areaMu,
        @Ignore long quotaId) {
}
