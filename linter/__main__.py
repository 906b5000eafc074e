from linter.fastcli import main

main()
