package org.duban.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.duban.common.TrackedEntity;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "account")
public class AccountEntity extends TrackedEntity {

    public String username;

    @Column(name = "display_name")
    public String displayName;

    /** bcrypt, never the password. */
    @Column(name = "password_hash")
    public String passwordHash;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] roles = new String[0];

    @Column(name = "unit_id")
    public Long unitId;

    public String email;

    public String mobile;

    public boolean enabled = true;

    @Column(name = "token_version")
    public int tokenVersion;

    @Column(name = "failed_logins")
    public int failedLogins;

    @Column(name = "locked_until")
    public java.time.Instant lockedUntil;
}
