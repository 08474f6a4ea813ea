"""Finding skills in text (resumes, job ads) and inferring depth from evidence. Qt-free."""
