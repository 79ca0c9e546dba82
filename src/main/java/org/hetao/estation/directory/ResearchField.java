package org.hetao.estation.directory;

/** A field of science or industry an organisation works in. */
public enum ResearchField {

	AI, BIOMEDICINE, INTEGRATED_CIRCUITS, QUANTUM, ROBOTICS, NEW_MATERIALS, IOT, EDA, MEDICAL_DEVICES, FINTECH,
	DRUG_DISCOVERY, AUTONOMOUS_DRIVING, ELECTRON_MICROSCOPY, ADVANCED_MANUFACTURING, ENERGY, APPLIED_MATHEMATICS,
	PUBLIC_SERVICES;

	public String messageKey() {
		return "directory.field." + name();
	}

}
