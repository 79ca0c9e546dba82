package org.hetao.estation.policy;

import java.util.List;
import java.util.Optional;

/** The policy library. */
public interface Policies {

	List<Policy> all();

	Optional<Policy> find(String code);

}
