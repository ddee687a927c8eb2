"""regietafel: het informatiesysteem van de provinciale regietafel asiel (PRT)."""
