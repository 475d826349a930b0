document.getElementById("app").dataset.fixture = "asset";
