"""Every database read the app makes: SQLAlchemy Core, plain filter values in, small DataFrames out."""
