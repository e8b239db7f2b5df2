return GdNotebooks.Cli.Gdnb.Main(args);
