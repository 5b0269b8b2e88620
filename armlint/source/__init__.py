"""Reading files: bytes to text, tolerant JSON with positions, inline directives."""
