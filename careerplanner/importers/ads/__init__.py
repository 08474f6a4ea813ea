"""Reading a job-ad file (text, Markdown, HTML, PDF, DOCX, JSON Resume job) into plain text."""
