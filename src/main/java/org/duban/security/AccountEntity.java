package org.duban.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "account")
public class AccountEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

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

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;
}
