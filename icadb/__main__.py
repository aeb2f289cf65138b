from icadb.cli import main

main()
