# Every third-party dependency comes from Debian 12's packages (see scripts/setup-debian.sh).
find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium>=1.0.18)
pkg_check_modules(SECP256K1 REQUIRED IMPORTED_TARGET libsecp256k1>=0.2.0)
# SQLite 3.40 (libsqlite3-dev): only core/storage includes it; the target is SQLite::SQLite3.
find_package(SQLite3 REQUIRED)

if(LS_FUZZ)
  find_package(Qt6 6.4 REQUIRED COMPONENTS Core Network)
else()
  set(_ls_qt_components Core Network Sql)
  if(LS_BUILD_GUI)
    list(APPEND _ls_qt_components Gui Widgets LinguistTools)
  endif()
  if(LS_BUILD_TESTS)
    list(APPEND _ls_qt_components Test)
  endif()
  find_package(Qt6 6.4 REQUIRED COMPONENTS ${_ls_qt_components})
endif()
