// not a folder
