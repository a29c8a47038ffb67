import "./style.css";
import "./ok.js";
