from summitcli.cli import main

main()
