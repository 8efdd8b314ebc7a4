namespace ls::ui {}
