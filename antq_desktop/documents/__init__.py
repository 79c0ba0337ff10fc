"""Official papers drawn with reportlab: certificates, minutes, commitment forms, reports."""
