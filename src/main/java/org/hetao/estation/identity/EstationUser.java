package org.hetao.estation.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Language;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person, as other modules see them: use {@link CurrentUser} to get it.
 *
 * @param departmentCode the officer's department, {@code null} for everyone else
 * @param applicantType the applicant's type, {@code null} for staff
 */
public record EstationUser(long id, String username, String passwordHash, String displayName, Set<Role> roles,
		String departmentCode, ApplicantType applicantType, Language preferredLanguage, boolean enabled,
		java.time.Instant lockedUntil) implements UserDetails {

	@Serial
	private static final long serialVersionUID = 1L;

	public EstationUser {
		roles = Set.copyOf(roles);
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

	public boolean isStaff() {
		return roles.stream().anyMatch(Role::isStaff);
	}

	public Optional<String> department() {
		return Optional.ofNullable(departmentCode);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	/** Locked after repeated failed sign-ins, until {@code lockedUntil}. */
	@Override
	public boolean isAccountNonLocked() {
		return lockedUntil == null || lockedUntil.isBefore(java.time.Instant.now());
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	/** Never let the hash reach a log line. */
	@Override
	public String toString() {
		return "EstationUser[id=" + id + ", username=" + username + ", roles=" + roles + "]";
	}

}
