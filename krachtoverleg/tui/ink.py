"""The colours drawn into pictures and tables (the balance, who does a step, the network), in
one place so a test can hold each to the projector's contrast: at least 4.5:1 on its white.
Colour is only the third cue; a sign and a word carry the meaning."""

CLIENT = "#2e7d32"  # green: the client or their network carries it (5.1:1 on white)
TOGETHER = "#006d75"  # teal: samen (6.1:1)
PROFESSIONAL = "#9c4f00"  # dark orange: a professional (6.0:1; was #c25e00, 4.3:1)
DANGER = "#b00020"  # red: stress and hindrance in the network (7.3:1)

ALL = (CLIENT, TOGETHER, PROFESSIONAL, DANGER)
