from basc_desktop.cli import main

raise SystemExit(main())
