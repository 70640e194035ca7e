"""Printed and exported documents: certificate and report PDFs, Excel files."""
