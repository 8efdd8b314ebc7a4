#pragma once

#include <QMainWindow>

#include <optional>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace ls::ui {

// The application shell of DESIGN.md §6: a navigation rail (Discover · Library · Studio · Wallet ·
// Network · Settings), the page stack, and a status bar for chain height, peers and rates.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    enum class Section { Discover, Library, Studio, Wallet, Network, Settings };
    Q_ENUM(Section)

    explicit MainWindow(QWidget* parent = nullptr);

    // "Discover", "library", … → the section; nullopt for an unknown name.
    static std::optional<Section> sectionFromName(const QString& name);

    void showSection(Section section);
    Section currentSection() const;
    QWidget* page(Section section) const;

private:
    void buildNavigation();
    void buildStatusBar();
    void addSection(Section section, const QString& title, QWidget* page);

    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_chainStatus = nullptr;
    QLabel* m_peerStatus = nullptr;
    QLabel* m_rateStatus = nullptr;
};

} // namespace ls::ui
